// title: Find actors by name / Find aktører efter navn
// description: Actors whose name contains a text (any case), with their kind, sector and how
//    many solutions and cases they take part in. Use it to find the exact name or id the
//    other queries take.
// param text (string): part of the name, e.g. kommune, fond or "region syd"
// param kind (string, default null): only actors of this kind (municipality, company,
//    foundation, ...); every kind when left out
// example: text=fond
// example: text=universitet
// example: text=kommune kind=unit
// returns: name, id, kind, sector, solutions (number it owns, partners in or funds), cases
//    (number of cases that name it in any role)
MATCH (a:Actor)
WHERE toLower(a.name) CONTAINS toLower($text) AND ($kind IS NULL OR a.kind = $kind)
WITH a,
     [(a)-[:OWNS|PARTNER_IN]->(s:Solution) | s.id] AS solution_ids,
     [(a)-[r]-(x) WHERE r.case IS NOT NULL AND r.case <> '' | r.case] AS case_ids
RETURN a.name AS name, a.id AS id, a.kind AS kind, a.sector AS sector,
       size(reduce(acc = [], i IN solution_ids | CASE WHEN i IN acc THEN acc ELSE acc + [i] END)) AS solutions,
       size(reduce(acc = [], i IN case_ids | CASE WHEN i IN acc THEN acc ELSE acc + [i] END)) AS cases
ORDER BY name, id
