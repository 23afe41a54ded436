ALTER TABLE `elders` ADD `visit_guard` tinyint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `check_in_at` datetime(3);--> statement-breakpoint
ALTER TABLE `orders` ADD `check_out_at` datetime(3);--> statement-breakpoint
ALTER TABLE `orders` ADD `checked_in_by` bigint unsigned;--> statement-breakpoint
ALTER TABLE `orders` ADD `checked_out_by` bigint unsigned;--> statement-breakpoint
ALTER TABLE `orders` ADD `check_in_lat` double;--> statement-breakpoint
ALTER TABLE `orders` ADD `check_in_lng` double;--> statement-breakpoint
ALTER TABLE `orders` ADD `check_in_accuracy_meters` int;--> statement-breakpoint
ALTER TABLE `orders` ADD `check_in_distance_meters` int;--> statement-breakpoint
ALTER TABLE `orders` ADD `clocked_minutes` smallint;--> statement-breakpoint
ALTER TABLE `orders` ADD `correction_reason` varchar(200);--> statement-breakpoint
ALTER TABLE `elders` ADD CONSTRAINT `elders_visits_do_not_overlap` CHECK (`elders`.`visit_guard` >= 0);