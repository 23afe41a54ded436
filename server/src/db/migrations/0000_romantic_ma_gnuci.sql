CREATE TABLE `users` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`role` enum('elder','family','staff','station_admin','supervisor') NOT NULL,
	`name` varchar(64) NOT NULL,
	`phone` varchar(20),
	`wechat_openid` varchar(64),
	`station_id` bigint unsigned,
	`disabled_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `users_phone_uq` UNIQUE(`phone`),
	CONSTRAINT `users_wechat_openid_uq` UNIQUE(`wechat_openid`)
);
--> statement-breakpoint
CREATE TABLE `elders` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned,
	`name` varchar(64) NOT NULL,
	`birth_date` date NOT NULL,
	`phone` varchar(20),
	`address` varchar(200) NOT NULL,
	`home_lat` double NOT NULL,
	`home_lng` double NOT NULL,
	`tier` enum('free','low','paid') NOT NULL DEFAULT 'paid',
	`tier_reason` enum('dibao_tekun','key_entitled','age_90_plus','low_income_disabled','disability_grade2','empty_nest','shidu_70_plus','low_income_family','none') NOT NULL DEFAULT 'none',
	`tier_verified_by` bigint unsigned,
	`tier_verified_at` datetime(3),
	`health_notes` text,
	`created_by` bigint unsigned,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `elders_id` PRIMARY KEY(`id`),
	CONSTRAINT `elders_user_uq` UNIQUE(`user_id`)
);
--> statement-breakpoint
CREATE TABLE `family_invitations` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`elder_id` bigint unsigned NOT NULL,
	`code` varchar(16) NOT NULL,
	`created_by` bigint unsigned NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`used_by` bigint unsigned,
	`used_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `family_invitations_id` PRIMARY KEY(`id`),
	CONSTRAINT `family_invitations_code_uq` UNIQUE(`code`)
);
--> statement-breakpoint
CREATE TABLE `family_links` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`elder_id` bigint unsigned NOT NULL,
	`family_user_id` bigint unsigned NOT NULL,
	`relation` varchar(16) NOT NULL,
	`consented_at` datetime(3) NOT NULL,
	`revoked_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `family_links_id` PRIMARY KEY(`id`),
	CONSTRAINT `family_links_pair_uq` UNIQUE(`elder_id`,`family_user_id`)
);
--> statement-breakpoint
CREATE TABLE `capacity_rules` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`station_id` bigint unsigned NOT NULL,
	`category` enum('meal','cleaning','bathing','medical','mobility','emergency','visit','repair','errand','grooming','rehab','companionship') NOT NULL,
	`open_minute` smallint NOT NULL,
	`close_minute` smallint NOT NULL,
	`slot_minutes` smallint NOT NULL DEFAULT 60,
	`capacity` smallint NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `capacity_rules_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `operators` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(100) NOT NULL,
	`licence_no` varchar(32) NOT NULL,
	`phone` varchar(20) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `operators_id` PRIMARY KEY(`id`),
	CONSTRAINT `operators_licence_uq` UNIQUE(`licence_no`)
);
--> statement-breakpoint
CREATE TABLE `station_slots` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`station_id` bigint unsigned NOT NULL,
	`category` enum('meal','cleaning','bathing','medical','mobility','emergency','visit','repair','errand','grooming','rehab','companionship') NOT NULL,
	`slot_start` datetime(3) NOT NULL,
	`capacity` smallint NOT NULL,
	`booked` smallint NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `station_slots_id` PRIMARY KEY(`id`),
	CONSTRAINT `station_slots_uq` UNIQUE(`station_id`,`category`,`slot_start`)
);
--> statement-breakpoint
CREATE TABLE `stations` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`operator_id` bigint unsigned NOT NULL,
	`name` varchar(100) NOT NULL,
	`kind` enum('station','complex') NOT NULL,
	`address` varchar(200) NOT NULL,
	`phone` varchar(20) NOT NULL,
	`lat` double NOT NULL,
	`lng` double NOT NULL,
	`circle_minutes` smallint NOT NULL DEFAULT 15,
	`circle_meters` int,
	`circle_polygon` json,
	`travel_mode` enum('walk','ebike','car') NOT NULL DEFAULT 'walk',
	`speed_m_per_min` smallint NOT NULL DEFAULT 75,
	`detour_permille` smallint NOT NULL DEFAULT 1300,
	`status` enum('active','suspended','closed') NOT NULL DEFAULT 'active',
	`suspended_reason` varchar(200),
	`rating_tenths` smallint NOT NULL DEFAULT 40,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `stations_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `price_items` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`price_version_id` bigint unsigned NOT NULL,
	`service_id` bigint unsigned NOT NULL,
	`content` varchar(300) NOT NULL,
	`free_fen` int NOT NULL,
	`low_fen` int NOT NULL,
	`paid_fen` int NOT NULL,
	CONSTRAINT `price_items_id` PRIMARY KEY(`id`),
	CONSTRAINT `price_items_version_service_uq` UNIQUE(`price_version_id`,`service_id`)
);
--> statement-breakpoint
CREATE TABLE `price_versions` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`station_id` bigint unsigned NOT NULL,
	`effective_from` datetime(3) NOT NULL,
	`published_by` bigint unsigned,
	`published_at` datetime(3) NOT NULL,
	`note` varchar(200),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `price_versions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `services` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`code` varchar(32) NOT NULL,
	`name` varchar(64) NOT NULL,
	`category` enum('meal','cleaning','bathing','medical','mobility','emergency','visit','repair','errand','grooming','rehab','companionship') NOT NULL,
	`unit` varchar(16) NOT NULL,
	`duration_minutes` smallint NOT NULL,
	`hours_kind` enum('housekeeping','medical'),
	`description` varchar(300) NOT NULL,
	`sort_order` int NOT NULL DEFAULT 0,
	`active` boolean NOT NULL DEFAULT true,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `services_id` PRIMARY KEY(`id`),
	CONSTRAINT `services_code_uq` UNIQUE(`code`)
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`idem_key` varchar(255) NOT NULL,
	`request_hash` varchar(64) NOT NULL,
	`state` enum('running','done') NOT NULL,
	`response_status` smallint,
	`response_body` json,
	`expires_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `idempotency_keys_id` PRIMARY KEY(`id`),
	CONSTRAINT `idempotency_keys_user_key_uq` UNIQUE(`user_id`,`idem_key`)
);
--> statement-breakpoint
CREATE TABLE `order_events` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`order_id` bigint unsigned NOT NULL,
	`actor_user_id` bigint unsigned,
	`actor_role` enum('elder','family','staff','station_admin','supervisor','system') NOT NULL,
	`from_status` enum('created','assigned','accepted','in_service','completed','cancelled','unassigned'),
	`to_status` enum('created','assigned','accepted','in_service','completed','cancelled','unassigned') NOT NULL,
	`station_id` bigint unsigned,
	`reason` varchar(200),
	`at` datetime(3) NOT NULL,
	CONSTRAINT `order_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `orders` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`elder_id` bigint unsigned NOT NULL,
	`service_id` bigint unsigned NOT NULL,
	`station_id` bigint unsigned,
	`booked_by` bigint unsigned NOT NULL,
	`status` enum('created','assigned','accepted','in_service','completed','cancelled','unassigned') NOT NULL,
	`slot_start` datetime(3) NOT NULL,
	`price_version_id` bigint unsigned NOT NULL,
	`tier` enum('free','low','paid') NOT NULL,
	`list_price_fen` int NOT NULL,
	`tier_price_fen` int NOT NULL,
	`subsidy_fen` int NOT NULL,
	`payable_fen` int NOT NULL,
	`hours_kind` enum('housekeeping','medical'),
	`hours_used_minutes` smallint NOT NULL DEFAULT 0,
	`price_explanation` varchar(300) NOT NULL,
	`route_explanation` varchar(200) NOT NULL,
	`distance_meters` int,
	`travel_minutes` smallint,
	`declined_station_ids` json NOT NULL,
	`note` varchar(200),
	`actual_minutes` smallint,
	`overdue_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `orders_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `hours_balances` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`elder_id` bigint unsigned NOT NULL,
	`week_start` date NOT NULL,
	`kind` enum('housekeeping','medical') NOT NULL,
	`granted_minutes` int NOT NULL,
	`used_minutes` int NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `hours_balances_id` PRIMARY KEY(`id`),
	CONSTRAINT `hours_balances_uq` UNIQUE(`elder_id`,`week_start`,`kind`)
);
--> statement-breakpoint
CREATE TABLE `hours_ledger` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`balance_id` bigint unsigned NOT NULL,
	`order_id` bigint unsigned NOT NULL,
	`delta_minutes` int NOT NULL,
	`reason` varchar(100) NOT NULL,
	`at` datetime(3) NOT NULL,
	CONSTRAINT `hours_ledger_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`actor_user_id` bigint unsigned,
	`action` varchar(64) NOT NULL,
	`entity` varchar(32) NOT NULL,
	`entity_id` bigint unsigned NOT NULL,
	`detail` json,
	`at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `audit_log_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `complaint_events` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`complaint_id` bigint unsigned NOT NULL,
	`actor_user_id` bigint unsigned,
	`actor_role` enum('elder','family','staff','station_admin','supervisor','system') NOT NULL,
	`from_status` enum('submitted','acknowledged','resolved','escalated','reopened','closed'),
	`to_status` enum('submitted','acknowledged','resolved','escalated','reopened','closed') NOT NULL,
	`message` text,
	`at` datetime(3) NOT NULL,
	CONSTRAINT `complaint_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`complainant_user_id` bigint unsigned NOT NULL,
	`elder_id` bigint unsigned,
	`order_id` bigint unsigned,
	`station_id` bigint unsigned NOT NULL,
	`category` enum('fee','quality','attitude','no_show','safety','other') NOT NULL,
	`status` enum('submitted','acknowledged','resolved','escalated','reopened','closed') NOT NULL,
	`content` text NOT NULL,
	`anonymous` boolean NOT NULL DEFAULT false,
	`evidence` json,
	`ack_due_at` datetime(3) NOT NULL,
	`resolve_due_at` datetime(3) NOT NULL,
	`acknowledged_at` datetime(3),
	`resolved_at` datetime(3),
	`escalated_at` datetime(3),
	`closed_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `complaints_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `users_station_idx` ON `users` (`station_id`);--> statement-breakpoint
CREATE INDEX `elders_tier_idx` ON `elders` (`tier`);--> statement-breakpoint
CREATE INDEX `family_invitations_elder_idx` ON `family_invitations` (`elder_id`);--> statement-breakpoint
CREATE INDEX `family_links_family_idx` ON `family_links` (`family_user_id`);--> statement-breakpoint
CREATE INDEX `capacity_rules_station_idx` ON `capacity_rules` (`station_id`,`category`);--> statement-breakpoint
CREATE INDEX `stations_operator_idx` ON `stations` (`operator_id`);--> statement-breakpoint
CREATE INDEX `stations_status_idx` ON `stations` (`status`);--> statement-breakpoint
CREATE INDEX `stations_lat_lng_idx` ON `stations` (`lat`,`lng`);--> statement-breakpoint
CREATE INDEX `price_items_service_idx` ON `price_items` (`service_id`);--> statement-breakpoint
CREATE INDEX `price_versions_station_eff_idx` ON `price_versions` (`station_id`,`effective_from`);--> statement-breakpoint
CREATE INDEX `idempotency_keys_expires_idx` ON `idempotency_keys` (`expires_at`);--> statement-breakpoint
CREATE INDEX `order_events_order_idx` ON `order_events` (`order_id`,`at`);--> statement-breakpoint
CREATE INDEX `orders_elder_idx` ON `orders` (`elder_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_station_slot_idx` ON `orders` (`station_id`,`slot_start`);--> statement-breakpoint
CREATE INDEX `orders_status_slot_idx` ON `orders` (`status`,`slot_start`);--> statement-breakpoint
CREATE INDEX `hours_ledger_balance_idx` ON `hours_ledger` (`balance_id`);--> statement-breakpoint
CREATE INDEX `hours_ledger_order_idx` ON `hours_ledger` (`order_id`);--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `complaint_events_complaint_idx` ON `complaint_events` (`complaint_id`,`at`);--> statement-breakpoint
CREATE INDEX `complaints_station_idx` ON `complaints` (`station_id`,`status`);--> statement-breakpoint
CREATE INDEX `complaints_complainant_idx` ON `complaints` (`complainant_user_id`);--> statement-breakpoint
CREATE INDEX `complaints_due_idx` ON `complaints` (`status`,`resolve_due_at`);