-- The tenant's data model (objects, their fields and rules) is read by every record write and
-- changes rarely: the module caches it per tenant, compiled (see model.cache.ts), under a stamp
-- that every change replaces with a new random one, in the changing transaction, by these
-- triggers. A write uses a cached model only when its stamp is the one its own transaction sees.
CREATE TABLE object_model_stamps (
  tenant_id uuid PRIMARY KEY,
  stamp     uuid NOT NULL
);
ALTER TABLE object_model_stamps ENABLE ROW LEVEL SECURITY;
ALTER TABLE object_model_stamps FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON object_model_stamps USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

CREATE FUNCTION object_model_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO object_model_stamps (tenant_id, stamp)
  VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END, gen_random_uuid())
  ON CONFLICT (tenant_id) DO UPDATE SET stamp = EXCLUDED.stamp;
  RETURN NULL;
END
$$;
CREATE TRIGGER object_definitions_model_changed AFTER INSERT OR UPDATE OR DELETE ON object_definitions
  FOR EACH ROW EXECUTE FUNCTION object_model_changed();
CREATE TRIGGER object_fields_model_changed AFTER INSERT OR UPDATE OR DELETE ON object_fields
  FOR EACH ROW EXECUTE FUNCTION object_model_changed();

-- Tenants that defined objects before the stamps.
ALTER TABLE object_model_stamps NO FORCE ROW LEVEL SECURITY;
ALTER TABLE object_definitions NO FORCE ROW LEVEL SECURITY;
INSERT INTO object_model_stamps (tenant_id, stamp) SELECT tenant_id, gen_random_uuid() FROM (SELECT DISTINCT tenant_id FROM object_definitions) AS t;
ALTER TABLE object_definitions FORCE ROW LEVEL SECURITY;
ALTER TABLE object_model_stamps FORCE ROW LEVEL SECURITY;

