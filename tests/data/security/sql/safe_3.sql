GRANT SELECT ON shop.orders TO 'reporting'@'10.0.0.%';
