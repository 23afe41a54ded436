CREATE TABLE `ratings` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`order_id` bigint unsigned NOT NULL,
	`station_id` bigint unsigned NOT NULL,
	`elder_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`stars` tinyint NOT NULL,
	`comment` varchar(200),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `ratings_id` PRIMARY KEY(`id`),
	CONSTRAINT `ratings_order_uq` UNIQUE(`order_id`),
	CONSTRAINT `ratings_stars_1_to_5` CHECK(`ratings`.`stars` BETWEEN 1 AND 5)
);
--> statement-breakpoint
ALTER TABLE `stations` MODIFY COLUMN `rating_tenths` smallint NOT NULL DEFAULT 0;--> statement-breakpoint
ALTER TABLE `stations` ADD `rating_count` smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `ratings_station_idx` ON `ratings` (`station_id`,`created_at`);