DROP INDEX `complaints_station_idx` ON `complaints`;--> statement-breakpoint
ALTER TABLE `complaints` ADD `late` tinyint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `complaints_category_idx` ON `complaints` (`category`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_late_idx` ON `complaints` (`late`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_created_idx` ON `complaints` (`created_at`);--> statement-breakpoint
CREATE INDEX `complaints_station_idx` ON `complaints` (`station_id`,`id`);