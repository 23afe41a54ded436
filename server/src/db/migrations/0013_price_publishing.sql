ALTER TABLE `price_versions` MODIFY COLUMN `published_at` datetime(3);--> statement-breakpoint
ALTER TABLE `price_items` ADD `unit` varchar(16);--> statement-breakpoint
ALTER TABLE `price_versions` ADD `status` enum('draft','published') DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE `price_items` ADD CONSTRAINT `price_items_tier_order` CHECK (0 <= `price_items`.`free_fen` AND `price_items`.`free_fen` <= `price_items`.`low_fen` AND `price_items`.`low_fen` <= `price_items`.`paid_fen` AND `price_items`.`paid_fen` <= 1000000);--> statement-breakpoint
ALTER TABLE `price_versions` ADD CONSTRAINT `price_versions_published_has_time` CHECK (`price_versions`.`status` = 'draft' OR `price_versions`.`published_at` IS NOT NULL);