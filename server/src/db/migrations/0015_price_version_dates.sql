-- Price versions whose effective time lies outside the years 2000–2099 as read in Asia/Shanghai (issue 15 item 8;
-- the API now refuses them with ZInstant). In UTC that range is ['1999-12-31 16:00:00', '2099-12-31 16:00:00').
-- A published version dated after 2099 (e.g. shown as "10000-01-01") has never been in force, so no quote used it and
-- no order is priced by it: it goes back to being a draft of its station's admin, dated now, to publish again with a
-- real date; an audit row records each. One an order does name is left alone (none can exist unless a clock was wrong).
-- A draft's date is only a proposal (publishing names the time again): an out-of-range one becomes now.
-- A published version dated before 2000 is kept as it is: the API never accepted a past time, and if one exists it may
-- have priced orders, so moving it would rewrite the history residents were quoted from.
INSERT INTO `audit_log` (`actor_user_id`, `action`, `entity`, `entity_id`, `detail`, `at`)
SELECT NULL, 'price.unpublish_bad_date', 'price_version', v.`id`,
       JSON_OBJECT('stationId', v.`station_id`, 'effectiveFrom', DATE_FORMAT(v.`effective_from`, '%Y-%m-%dT%H:%i:%s.000Z')),
       UTC_TIMESTAMP(3)
FROM `price_versions` v
WHERE v.`status` = 'published' AND v.`effective_from` >= '2099-12-31 16:00:00'
  AND NOT EXISTS (SELECT 1 FROM `orders` o WHERE o.`price_version_id` = v.`id`);
--> statement-breakpoint
UPDATE `price_versions` v
SET v.`status` = 'draft', v.`published_at` = NULL, v.`effective_from` = UTC_TIMESTAMP(3)
WHERE v.`status` = 'published' AND v.`effective_from` >= '2099-12-31 16:00:00'
  AND NOT EXISTS (SELECT 1 FROM `orders` o WHERE o.`price_version_id` = v.`id`);
--> statement-breakpoint
UPDATE `price_versions`
SET `effective_from` = UTC_TIMESTAMP(3)
WHERE `status` = 'draft' AND (`effective_from` < '1999-12-31 16:00:00' OR `effective_from` >= '2099-12-31 16:00:00');
