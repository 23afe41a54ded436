ALTER TABLE `orders` ADD `charged_fen` int;--> statement-breakpoint
ALTER TABLE `orders` ADD `charge_flag` enum('overcharge','undercharge');--> statement-breakpoint
CREATE INDEX `orders_charge_flag_idx` ON `orders` (`charge_flag`,`slot_start`,`id`);