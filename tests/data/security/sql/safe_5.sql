-- EXEC xp_cmdshell is disabled on this server
SELECT COUNT(*) FROM orders;
