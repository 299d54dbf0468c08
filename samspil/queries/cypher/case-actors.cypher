// title: The actors of a case and their roles / En cases aktører og deres roller
// description: Every actor a case names, with its role in that case (nominator, owner,
//    partner, funder, adopted / interested / visited / inspired for spread, inspiration,
//    mentioned) and the quote the role was found in: the case view of `samspil cases --json`,
//    from the graph.
// param case (string): the case's id (e.g. lsf2019-09) or its title (any case)
// example: case=lsf2019-09
// example: case="Sammen om min vej"
// example: case=seed004-odsherred-steno
// returns: case (id), title, role, actor (name), actor_id, kind, sector, method (how it was
//    found), evidence
CALL {
  MATCH (c:Case)
  WHERE c.id = $case OR toLower(c.name) = toLower($case)
  MATCH (c)-[:DESCRIBES]->(s:Solution)
  MATCH (s)-[r:OWNS|PARTNER_IN|SPREAD_TO|INSPIRED_BY]-(a:Actor)
  WHERE r.case = c.id
  RETURN c.id AS case, c.name AS title,
         CASE type(r)
           WHEN 'OWNS' THEN 'owner'
           WHEN 'PARTNER_IN' THEN coalesce(r.role, 'partner')
           WHEN 'SPREAD_TO' THEN coalesce(r.status, 'adopted')
           ELSE 'inspiration'
         END AS role,
         a.name AS actor, a.id AS actor_id, a.kind AS kind, a.sector AS sector, r.method AS method,
         r.evidence AS evidence
  UNION ALL
  MATCH (c:Case)
  WHERE c.id = $case OR toLower(c.name) = toLower($case)
  MATCH (c)-[r:NOMINATED|MENTIONS]-(a:Actor)
  RETURN c.id AS case, c.name AS title,
         CASE type(r) WHEN 'NOMINATED' THEN 'nominator' ELSE 'mentioned' END AS role,
         a.name AS actor, a.id AS actor_id, a.kind AS kind, a.sector AS sector, r.method AS method,
         r.evidence AS evidence
}
RETURN case, title, role, actor, actor_id, kind, sector, method, evidence
ORDER BY case,
         CASE role WHEN 'nominator' THEN 0 WHEN 'owner' THEN 1 WHEN 'partner' THEN 2 WHEN 'funder' THEN 3
                   WHEN 'adopted' THEN 4 WHEN 'interested' THEN 5 WHEN 'visited' THEN 6 WHEN 'inspired' THEN 7
                   WHEN 'inspiration' THEN 8 ELSE 9 END,
         role, actor, actor_id, evidence
