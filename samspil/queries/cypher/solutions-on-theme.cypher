// title: Solutions on a theme / Løsninger inden for et tema
// description: The solutions that address a theme (ADDRESSES; themes from the shared theme
//    vocabulary, e.g. sundhed, aeldre, boern-og-unge, digitalisering, mental-sundhed), with
//    their owners, number of partners, adopters and documented effect.
// param theme (string): the theme's name or id, e.g. sundhed or theme-sundhed
// example: theme=sundhed
// example: theme=theme-digitalisering
// example: theme=mental-sundhed
// returns: theme, solution (name), solution_id, year, documented_effect, owners (names,
//    sorted), partners (number of partners and funders), adopted_by (number of actors it was
//    adopted by), cases (ids, sorted)
MATCH (t:Theme)
WHERE t.id = $theme OR toLower(t.name) = toLower($theme)
MATCH (s:Solution)-[:ADDRESSES]->(t)
WITH DISTINCT t, s
OPTIONAL MATCH (o:Actor)-[:OWNS]->(s)
WITH DISTINCT t, s, o
ORDER BY o.name, o.id
WITH t, s, collect(o.name) AS owners
OPTIONAL MATCH (c:Case)-[:DESCRIBES]->(s)
WITH DISTINCT t, s, owners, c
ORDER BY c.id
WITH t, s, owners, collect(c.id) AS cases
WITH t, s, owners, cases,
     [(p:Actor)-[:PARTNER_IN]->(s) | p.id] AS partner_ids,
     [(s)-[x:SPREAD_TO]->(d:Actor) WHERE x.status = 'adopted' | d.id] AS adopter_ids
RETURN t.name AS theme, s.name AS solution, s.id AS solution_id, s.year AS year,
       s.documented_effect AS documented_effect, owners,
       size(reduce(acc = [], i IN partner_ids | CASE WHEN i IN acc THEN acc ELSE acc + [i] END)) AS partners,
       size(reduce(acc = [], i IN adopter_ids | CASE WHEN i IN acc THEN acc ELSE acc + [i] END)) AS adopted_by,
       cases
ORDER BY theme, solution, solution_id
