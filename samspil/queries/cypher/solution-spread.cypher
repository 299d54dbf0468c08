// title: Where a solution spread / Hvor en løsning har spredt sig
// description: The spread paths of a solution: from its owners through the solution to every
//    actor, place abroad or unnamed group it spread to (SPREAD_TO, with status adopted,
//    interested, visited or inspired; a group counts its `count` organisations), and
//    on through the solutions inspired by it (INSPIRED_BY, up to three steps) to where those
//    spread. Only status adopted is spread in the strict sense (implemented and creating value
//    somewhere new).
// param solution (string): the solution's name (any case) or id, e.g. "Sammen om min vej"
// example: solution="Sammen om min vej"
// example: solution=solution-os2autoproces
// example: solution="Talentudvikling"
// returns: solution (name), generation (0: the solution itself spread; 1: a solution inspired
//    by it spread ...), path (solution names from this one to the one that spread, then the
//    receiver), owners (of the solution that spread, sorted), to (the actor, place or group
//    reached), to_kind, target (actor, place or group), organisations (a group's count, 1
//    for an actor or place, null for a group of unknown size), status, year, case, evidence
MATCH (root:Solution)
WHERE root.id = $solution OR toLower(root.name) = toLower($solution)
MATCH chain = (root)<-[:INSPIRED_BY*0..3]-(d:Solution)
WITH root, d, length(chain) AS generation, [n IN nodes(chain) | n.name] AS via
MATCH (d)-[x:SPREAD_TO]->(t)
WHERE t:Actor OR t:Group
OPTIONAL MATCH (o:Actor)-[:OWNS]->(d)
WITH DISTINCT root, d, generation, via, x, t, o
ORDER BY o.name, o.id
WITH root, d, generation, via, x, t, collect(o.name) AS owners
RETURN root.name AS solution, generation, via + [t.name] AS path, owners, t.name AS to, t.kind AS to_kind,
       coalesce(x.target, 'actor') AS target, CASE WHEN t:Group THEN t.count ELSE 1 END AS organisations,
       x.status AS status, x.year AS year, x.case AS case, x.evidence AS evidence
ORDER BY solution, generation,
         CASE status WHEN 'adopted' THEN 0 WHEN 'interested' THEN 1 WHEN 'visited' THEN 2 ELSE 3 END,
         to, t.id, path, case
