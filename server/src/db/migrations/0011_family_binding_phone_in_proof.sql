ALTER TABLE `family_invitations` DROP INDEX `family_invitations_code_uq`;--> statement-breakpoint
DROP INDEX `family_invitations_elder_idx` ON `family_invitations`;--> statement-breakpoint
UPDATE `family_links` SET `relation` = '子女' WHERE `relation` NOT IN ('子女','配偶','孙辈','其他亲属');--> statement-breakpoint
ALTER TABLE `family_links` MODIFY COLUMN `relation` enum('子女','配偶','孙辈','其他亲属') NOT NULL;--> statement-breakpoint
ALTER TABLE `elders` ADD `phone_last4` varchar(4) GENERATED ALWAYS AS (RIGHT(phone, 4)) STORED;--> statement-breakpoint
ALTER TABLE `elders` ADD `status` enum('pending','active') DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE `elders` ADD `confirmed_by` bigint unsigned;--> statement-breakpoint
ALTER TABLE `elders` ADD `confirmed_at` datetime(3);--> statement-breakpoint
ALTER TABLE `elders` ADD `emergency_name` varchar(64);--> statement-breakpoint
ALTER TABLE `elders` ADD `emergency_phone` varchar(20);--> statement-breakpoint
ALTER TABLE `family_invitations` ADD `created_by_role` enum('elder','family','staff','station_admin','supervisor') NOT NULL;--> statement-breakpoint
ALTER TABLE `family_invitations` ADD `retired_at` datetime(3);--> statement-breakpoint
ALTER TABLE `family_invitations` ADD `live_code` varchar(16) GENERATED ALWAYS AS (CASE WHEN used_at IS NULL AND retired_at IS NULL THEN code END) STORED;--> statement-breakpoint
ALTER TABLE `family_links` ADD `invitation_id` bigint unsigned;--> statement-breakpoint
ALTER TABLE `family_links` ADD `revoked_by` bigint unsigned;--> statement-breakpoint
ALTER TABLE `orders` ADD `placed_by_role` enum('elder','family','staff','station_admin','supervisor') DEFAULT 'elder' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `channel` enum('self','family','phone') DEFAULT 'self' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `work_note` varchar(200);--> statement-breakpoint
ALTER TABLE `family_invitations` ADD CONSTRAINT `family_invitations_live_code_uq` UNIQUE(`live_code`);--> statement-breakpoint
CREATE INDEX `elders_name_idx` ON `elders` (`name`);--> statement-breakpoint
CREATE INDEX `elders_phone_last4_idx` ON `elders` (`phone_last4`);--> statement-breakpoint
CREATE INDEX `elders_status_idx` ON `elders` (`status`);--> statement-breakpoint
CREATE INDEX `family_invitations_code_idx` ON `family_invitations` (`code`);--> statement-breakpoint
CREATE INDEX `family_invitations_elder_idx` ON `family_invitations` (`elder_id`,`expires_at`);