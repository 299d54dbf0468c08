// title: Foundations' portfolio / Fondenes portefølje
// description: The solutions each foundation funds or partners in (PARTNER_IN, role funder
//    or partner; OWNS too), with the themes and the owners of each solution.
// param foundation (string, default null): one foundation's name (any case) or id, e.g.
//    TrygFonden; every foundation when left out
// example: foundation=TrygFonden
// example: foundation=Helsefonden
// example: foundation=null
// returns: foundation (name), foundation_id, roles (funder, partner, owner: sorted), solution
//    (name), solution_id, year, themes (theme names, sorted), owners (sorted), cases (sorted)
MATCH (f:Foundation)
WHERE $foundation IS NULL OR f.id = $foundation OR toLower(f.name) = toLower($foundation)
MATCH (f)-[r:PARTNER_IN|OWNS]->(s:Solution)
WITH f, s, r, CASE type(r) WHEN 'OWNS' THEN 'owner' ELSE coalesce(r.role, 'partner') END AS role
ORDER BY role, r.case
WITH f, s, collect(DISTINCT role) AS roles, collect(r.case) AS cases
OPTIONAL MATCH (s)-[:ADDRESSES]->(t:Theme)
WITH DISTINCT f, s, roles, cases, t
ORDER BY t.name, t.id
WITH f, s, roles, cases, collect(t.name) AS themes
OPTIONAL MATCH (o:Actor)-[:OWNS]->(s)
WITH DISTINCT f, s, roles, cases, themes, o
ORDER BY o.name, o.id
WITH f, s, roles, cases, themes, collect(o.name) AS owners
RETURN f.name AS foundation, f.id AS foundation_id, roles, s.name AS solution, s.id AS solution_id,
       s.year AS year, themes, owners, cases
ORDER BY foundation, foundation_id, solution, solution_id
