ALTER TABLE `elders` ADD `visit_guard` tinyint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `elders` ADD CONSTRAINT `elders_visits_do_not_overlap` CHECK (`elders`.`visit_guard` >= 0);