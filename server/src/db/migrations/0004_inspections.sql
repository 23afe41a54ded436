CREATE TABLE `inspection_draws` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`seed` varchar(64) NOT NULL,
	`candidate_ids` json NOT NULL,
	`requested_count` int NOT NULL,
	`drawn_by` bigint unsigned NOT NULL,
	`drawn_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `inspection_draws_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `inspections` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`draw_id` bigint unsigned NOT NULL,
	`station_id` bigint unsigned NOT NULL,
	`result` enum('pass','rectify','fail'),
	`notes` varchar(500),
	`inspected_by` bigint unsigned,
	`inspected_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `inspections_id` PRIMARY KEY(`id`),
	CONSTRAINT `inspections_draw_station_uq` UNIQUE(`draw_id`,`station_id`)
);
--> statement-breakpoint
CREATE INDEX `inspections_station_idx` ON `inspections` (`station_id`,`inspected_at`);