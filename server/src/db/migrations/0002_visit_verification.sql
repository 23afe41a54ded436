ALTER TABLE `orders` ADD `check_in_at` datetime(3);--> statement-breakpoint
ALTER TABLE `orders` ADD `check_out_at` datetime(3);--> statement-breakpoint
ALTER TABLE `orders` ADD `checked_in_by` bigint unsigned;--> statement-breakpoint
ALTER TABLE `orders` ADD `checked_out_by` bigint unsigned;--> statement-breakpoint
ALTER TABLE `orders` ADD `check_in_lat` double;--> statement-breakpoint
ALTER TABLE `orders` ADD `check_in_lng` double;--> statement-breakpoint
ALTER TABLE `orders` ADD `check_in_accuracy_meters` int;--> statement-breakpoint
ALTER TABLE `orders` ADD `check_in_distance_meters` int;--> statement-breakpoint
ALTER TABLE `orders` ADD `clocked_minutes` smallint;--> statement-breakpoint
ALTER TABLE `orders` ADD `correction_reason` varchar(200);