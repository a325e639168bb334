CREATE FUNCTION f(tbl text) RETURNS void AS $$
BEGIN
  EXECUTE format('DELETE FROM %I', tbl);
END;
$$ LANGUAGE plpgsql;
