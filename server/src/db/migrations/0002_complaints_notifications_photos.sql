CREATE TABLE `complaint_photos` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`complaint_id` bigint unsigned NOT NULL,
	`uploaded_by` bigint unsigned NOT NULL,
	`storage_key` varchar(128) NOT NULL,
	`mime` varchar(32) NOT NULL,
	`bytes` int NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `complaint_photos_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`entity` varchar(32) NOT NULL,
	`entity_id` bigint unsigned NOT NULL,
	`title` varchar(64) NOT NULL,
	`body` varchar(300) NOT NULL,
	`read_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `notifications_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
DROP INDEX `complaints_station_idx` ON `complaints`;--> statement-breakpoint
DROP INDEX `complaints_complainant_idx` ON `complaints`;--> statement-breakpoint
ALTER TABLE `complaints` ADD `refund_fen` int;--> statement-breakpoint
ALTER TABLE `complaints` ADD `reopen_count` tinyint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `complaints` ADD `open_order` tinyint GENERATED ALWAYS AS (CASE WHEN status <> 'closed' AND order_id IS NOT NULL THEN 1 END) VIRTUAL;--> statement-breakpoint
ALTER TABLE `complaints` ADD CONSTRAINT `complaints_open_order_uq` UNIQUE(`order_id`,`category`,`open_order`);--> statement-breakpoint
CREATE INDEX `complaint_photos_complaint_idx` ON `complaint_photos` (`complaint_id`);--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `complaints_status_idx` ON `complaints` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_elder_idx` ON `complaints` (`elder_id`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_ack_due_idx` ON `complaints` (`status`,`ack_due_at`);--> statement-breakpoint
CREATE INDEX `complaints_resolved_idx` ON `complaints` (`status`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `complaints_station_idx` ON `complaints` (`station_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_complainant_idx` ON `complaints` (`complainant_user_id`,`id`);