-- dibao_tekun splits into 低保 and 特困: widen the enum, move the rows (to 低保, the larger group), then narrow it.
ALTER TABLE `elders` MODIFY COLUMN `tier_reason` enum('dibao_tekun','dibao','tekun','age_90_plus','key_entitled','wulao','disability_grade2','low_income_disabled','empty_nest','shidu_70_plus','low_income_family','none') NOT NULL DEFAULT 'none';--> statement-breakpoint
UPDATE `elders` SET `tier_reason` = 'dibao' WHERE `tier_reason` = 'dibao_tekun';--> statement-breakpoint
ALTER TABLE `elders` MODIFY COLUMN `tier_reason` enum('dibao','tekun','age_90_plus','key_entitled','wulao','disability_grade2','low_income_disabled','empty_nest','shidu_70_plus','low_income_family','none') NOT NULL DEFAULT 'none';--> statement-breakpoint
ALTER TABLE `hours_ledger` MODIFY COLUMN `order_id` bigint unsigned;--> statement-breakpoint
ALTER TABLE `hours_ledger` MODIFY COLUMN `reason` varchar(200) NOT NULL;--> statement-breakpoint
ALTER TABLE `elders` ADD `tier_note` varchar(200);--> statement-breakpoint
ALTER TABLE `elders` ADD `tier_expires_at` datetime(3);--> statement-breakpoint
ALTER TABLE `elders` ADD `tier_expiry_notice_at` datetime(3);--> statement-breakpoint
ALTER TABLE `elders` ADD `weekly_housekeeping_minutes` smallint;--> statement-breakpoint
ALTER TABLE `elders` ADD `weekly_medical_minutes` smallint;--> statement-breakpoint
-- Existing rows: a negative delta was a use, a positive one a refund; each week's grant becomes a row of its own,
-- so that every balance equals the sum of its ledger.
ALTER TABLE `hours_ledger` ADD `movement` enum('grant','use','refund','adjust') NOT NULL DEFAULT 'use';--> statement-breakpoint
UPDATE `hours_ledger` SET `movement` = 'refund' WHERE `delta_minutes` > 0;--> statement-breakpoint
INSERT INTO `hours_ledger` (`balance_id`, `movement`, `order_id`, `delta_minutes`, `reason`, `at`) SELECT `id`, 'grant', NULL, `granted_minutes`, '每周发放', TIMESTAMP(`week_start`) - INTERVAL 8 HOUR FROM `hours_balances`;--> statement-breakpoint
ALTER TABLE `hours_ledger` MODIFY COLUMN `movement` enum('grant','use','refund','adjust') NOT NULL;--> statement-breakpoint
ALTER TABLE `hours_ledger` ADD `actor_user_id` bigint unsigned;--> statement-breakpoint
CREATE INDEX `elders_tier_expires_idx` ON `elders` (`tier_expires_at`);