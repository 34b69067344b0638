-- Properties (an estate, a block inside it, a building, a plot of land) and their units.
CREATE TABLE properties (
  tenant_id     uuid        NOT NULL,
  id            uuid        NOT NULL,
  parent_id     uuid,
  name          text        NOT NULL,
  kind          text        NOT NULL CHECK (kind IN ('residential', 'commercial', 'mixed', 'land')),
  address_lines text[]      NOT NULL DEFAULT '{}',
  city          text,
  region        text,
  postal_code   text,
  country       text        CHECK (country ~ '^[A-Z]{2}$'),
  notes         text        NOT NULL DEFAULT '',
  archived_at   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES properties (tenant_id, id),
  CHECK (parent_id IS DISTINCT FROM id)
);
-- Names are unique among siblings (two estates may each have a "Block A"); imports match on it.
CREATE UNIQUE INDEX properties_name_among_siblings ON properties (tenant_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));
CREATE INDEX properties_by_name ON properties (tenant_id, name, id);
CREATE INDEX properties_by_parent ON properties (tenant_id, parent_id);

ALTER TABLE properties ENABLE ROW LEVEL SECURITY;
ALTER TABLE properties FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON properties USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

CREATE TABLE units (
  tenant_id           uuid          NOT NULL,
  id                  uuid          NOT NULL,
  property_id         uuid          NOT NULL,
  label               text          NOT NULL,
  kind                text          NOT NULL CHECK (kind IN ('apartment', 'house', 'plot', 'shop', 'office', 'parking', 'storage', 'other')),
  floor               integer,
  area                numeric(12, 2) CHECK (area > 0),
  bedrooms            integer       CHECK (bedrooms >= 0),
  -- The unit's share of the property's common costs, as a fraction of 1.
  participation_share numeric(12, 9) CHECK (participation_share >= 0 AND participation_share <= 1),
  amenities           text[]        NOT NULL DEFAULT '{}',
  -- Taken off the market by hand (renovation, legal hold): overrides what occupancy says.
  unavailable         boolean       NOT NULL DEFAULT false,
  -- Told by the occupancy module whenever who lives in the unit changes, and daily as dates pass.
  occupancy_status    text          NOT NULL DEFAULT 'vacant' CHECK (occupancy_status IN ('vacant', 'occupied', 'owner-occupied')),
  status              text          GENERATED ALWAYS AS (CASE WHEN unavailable THEN 'unavailable' ELSE occupancy_status END) STORED,
  notes               text          NOT NULL DEFAULT '',
  archived_at         timestamptz,
  created_at          timestamptz   NOT NULL DEFAULT now(),
  updated_at          timestamptz   NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, property_id) REFERENCES properties (tenant_id, id)
);
CREATE UNIQUE INDEX units_label_in_property ON units (tenant_id, property_id, lower(label));
CREATE INDEX units_by_label ON units (tenant_id, label, id);
CREATE INDEX units_by_status ON units (tenant_id, status, label, id);
CREATE INDEX units_by_property ON units (tenant_id, property_id, label, id);

ALTER TABLE units ENABLE ROW LEVEL SECURITY;
ALTER TABLE units FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON units USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});

-- The members attached to a unit now or from a future date (owners, residents, renters),
-- as told by the occupancy module: what a portal login may see of the estate.
CREATE TABLE unit_attachments (
  tenant_id uuid NOT NULL,
  unit_id   uuid NOT NULL,
  member_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, unit_id, member_id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX unit_attachments_by_member ON unit_attachments (tenant_id, member_id, unit_id);

ALTER TABLE unit_attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE unit_attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON unit_attachments USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
