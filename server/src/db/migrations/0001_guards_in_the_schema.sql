-- Keys claimed but never finished (the old 'running' state) have no response to replay: free them.
DELETE FROM `idempotency_keys` WHERE `response_status` IS NULL OR `response_body` IS NULL;--> statement-breakpoint
DROP INDEX `orders_elder_idx` ON `orders`;--> statement-breakpoint
ALTER TABLE `idempotency_keys` MODIFY COLUMN `response_status` smallint NOT NULL;--> statement-breakpoint
ALTER TABLE `idempotency_keys` MODIFY COLUMN `response_body` text NOT NULL;--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD `order_id` bigint unsigned;--> statement-breakpoint
ALTER TABLE `orders` ADD `open_visit` tinyint GENERATED ALWAYS AS (CASE WHEN status IN ('created', 'assigned', 'accepted', 'in_service', 'unassigned') THEN 1 END) VIRTUAL;--> statement-breakpoint
ALTER TABLE `orders` ADD CONSTRAINT `orders_open_visit_uq` UNIQUE(`elder_id`,`service_id`,`slot_start`,`open_visit`);--> statement-breakpoint
ALTER TABLE `station_slots` ADD CONSTRAINT `station_slots_booked_within_capacity` CHECK (`station_slots`.`booked` >= 0 AND `station_slots`.`booked` <= `station_slots`.`capacity`);--> statement-breakpoint
ALTER TABLE `hours_balances` ADD CONSTRAINT `hours_balances_used_within_granted` CHECK (`hours_balances`.`used_minutes` >= 0 AND `hours_balances`.`used_minutes` <= `hours_balances`.`granted_minutes`);--> statement-breakpoint
ALTER TABLE `idempotency_keys` DROP COLUMN `state`;