// title: Where a solution spread / Hvor en løsning har spredt sig
// description: The spread paths of a solution: from its owners through the solution to every
//    actor it spread to (SPREAD_TO, with status adopted, interested, visited or inspired), and
//    on through the solutions inspired by it (INSPIRED_BY, up to three steps) to where those
//    spread. Only status adopted is spread in the strict sense (implemented and creating value
//    somewhere new).
// param solution (string): the solution's name (any case) or id, e.g. "Sammen om min vej"
// example: solution="Sammen om min vej"
// example: solution=solution-os2autoproces
// example: solution="Talentudvikling"
// returns: solution (name), generation (0: the solution itself spread; 1: a solution inspired
//    by it spread ...), path (solution names from this one to the one that spread, then the
//    actor it reached), owners (of the solution that spread, sorted), to (the actor reached),
//    to_kind, status, year, case, evidence
MATCH (root:Solution)
WHERE root.id = $solution OR toLower(root.name) = toLower($solution)
MATCH chain = (root)<-[:INSPIRED_BY*0..3]-(d:Solution)
WITH root, d, length(chain) AS generation, [n IN nodes(chain) | n.name] AS via
MATCH (d)-[x:SPREAD_TO]->(t:Actor)
OPTIONAL MATCH (o:Actor)-[:OWNS]->(d)
WITH DISTINCT root, d, generation, via, x, t, o
ORDER BY o.name, o.id
WITH root, d, generation, via, x, t, collect(o.name) AS owners
RETURN root.name AS solution, generation, via + [t.name] AS path, owners, t.name AS to, t.kind AS to_kind,
       x.status AS status, x.year AS year, x.case AS case, x.evidence AS evidence
ORDER BY solution, generation,
         CASE status WHEN 'adopted' THEN 0 WHEN 'interested' THEN 1 WHEN 'visited' THEN 2 ELSE 3 END,
         to, t.id, path, case
