ALTER TABLE `complaints` ADD `operator_id` bigint unsigned;--> statement-breakpoint
CREATE INDEX `complaints_operator_idx` ON `complaints` (`operator_id`,`id`);