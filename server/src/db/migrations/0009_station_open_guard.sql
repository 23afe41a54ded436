ALTER TABLE `station_slots` ADD `station_open` tinyint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `stations` ADD `suspended_at` datetime(3);--> statement-breakpoint
ALTER TABLE `station_slots` ADD CONSTRAINT `station_slots_station_open` CHECK (`station_slots`.`station_open` = 1);