CREATE FUNCTION f(tbl text) RETURNS void AS $$
BEGIN
  EXECUTE 'DELETE FROM ' || tbl;
END;
$$ LANGUAGE plpgsql;
