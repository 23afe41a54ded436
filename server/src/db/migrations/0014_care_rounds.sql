CREATE TABLE `care_round_plans` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`elder_id` bigint unsigned NOT NULL,
	`reason` enum('live_alone','empty_nest','disabled','very_old') NOT NULL,
	`note` varchar(200),
	`mode` enum('visit','phone') NOT NULL,
	`every_days` smallint NOT NULL,
	`first_due_at` datetime(3) NOT NULL,
	`created_by` bigint unsigned NOT NULL,
	`ended_at` datetime(3),
	`ended_by` bigint unsigned,
	`end_reason` varchar(200),
	`live_elder_id` bigint unsigned GENERATED ALWAYS AS (CASE WHEN ended_at IS NULL THEN elder_id END) STORED,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `care_round_plans_id` PRIMARY KEY(`id`),
	CONSTRAINT `care_round_plans_live_elder_uq` UNIQUE(`live_elder_id`),
	CONSTRAINT `care_round_plans_every_days` CHECK(`care_round_plans`.`every_days` BETWEEN 1 AND 90)
);
--> statement-breakpoint
CREATE TABLE `care_rounds` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`plan_id` bigint unsigned NOT NULL,
	`elder_id` bigint unsigned NOT NULL,
	`station_id` bigint unsigned,
	`mode` enum('visit','phone') NOT NULL,
	`due_at` datetime(3) NOT NULL,
	`status` enum('open','done','cancelled') NOT NULL DEFAULT 'open',
	`outcome` enum('visited_well','not_home','needs_help','phoned'),
	`note` varchar(200),
	`recorded_by` bigint unsigned,
	`recorded_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `care_rounds_id` PRIMARY KEY(`id`),
	CONSTRAINT `care_rounds_plan_due_uq` UNIQUE(`plan_id`,`due_at`),
	CONSTRAINT `care_rounds_outcome_when_done` CHECK((`care_rounds`.`status` = 'done') = (`care_rounds`.`outcome` IS NOT NULL)),
	CONSTRAINT `care_rounds_help_has_note` CHECK(`care_rounds`.`outcome` IS NULL OR `care_rounds`.`outcome` <> 'needs_help' OR `care_rounds`.`note` IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX `care_round_plans_elder_idx` ON `care_round_plans` (`elder_id`);--> statement-breakpoint
CREATE INDEX `care_rounds_station_idx` ON `care_rounds` (`station_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `care_rounds_status_due_idx` ON `care_rounds` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `care_rounds_elder_idx` ON `care_rounds` (`elder_id`,`due_at`);