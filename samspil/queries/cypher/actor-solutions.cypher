// title: Everything an actor owns, partners in and took up / Alt hvad en aktør ejer, er partner i og har taget i brug
// description: For one actor (typically a municipality or region) and its units (actors PART_OF
//    it, up to three levels down: a municipality's departments, a region's hospitals, a
//    network's members): the solutions it owns, partners in or funds, those that
//    spread to it (adopted, interested, visited, inspired) and those it inspired.
// param actor (string): the actor's name (any case) or id, e.g. "Aarhus Kommune" or municipality-0751
// example: actor="Aarhus Kommune"
// example: actor="Region Syddanmark"
// example: actor="Vejen Kommune"
// returns: actor (name), role (owner, partner, funder, adopted, interested, visited, inspired,
//    inspiration), solution (name), solution_id, via (the unit that holds the role, or null
//    for the actor itself), cases (ids of the cases that say so, sorted), year (the solution's)
MATCH (a:Actor)
WHERE a.id = $actor OR toLower(a.name) = toLower($actor)
MATCH (u:Actor)-[:PART_OF*0..3]->(a)
WITH DISTINCT a, u
MATCH (u)-[r:OWNS|PARTNER_IN|SPREAD_TO|INSPIRED_BY]-(s:Solution)
WITH a, u, s, r,
     CASE type(r)
       WHEN 'OWNS' THEN 'owner'
       WHEN 'PARTNER_IN' THEN coalesce(r.role, 'partner')
       WHEN 'SPREAD_TO' THEN coalesce(r.status, 'adopted')
       ELSE 'inspiration'
     END AS role
ORDER BY r.case
WITH a, u, s, role, collect(r.case) AS cases
RETURN a.name AS actor, role, s.name AS solution, s.id AS solution_id,
       CASE WHEN u = a THEN null ELSE u.name END AS via, cases, s.year AS year
ORDER BY actor,
         CASE role WHEN 'owner' THEN 0 WHEN 'partner' THEN 1 WHEN 'funder' THEN 2 WHEN 'adopted' THEN 3
                   WHEN 'interested' THEN 4 WHEN 'visited' THEN 5 WHEN 'inspired' THEN 6 ELSE 7 END,
         role, solution, solution_id, via, u.id
