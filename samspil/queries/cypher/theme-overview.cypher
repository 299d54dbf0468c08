// title: Themes at a glance / Temaerne i overblik
// description: For every theme: how many solutions address it, how many of them have a
//    documented effect, how many were adopted somewhere new, how many join two or more
//    sectors among their makers, and how many cases describe them.
// returns: theme, theme_id, solutions, documented_effect, adopted_elsewhere, cross_sector
//    (solutions whose makers come from two or more sectors), cases
MATCH (s:Solution)-[:ADDRESSES]->(t:Theme)
WITH DISTINCT t, s
WITH t, s,
     [(a:Actor)-[:OWNS|PARTNER_IN]->(s) WHERE a.sector IS NOT NULL | a.sector] AS maker_sectors,
     [(s)-[x:SPREAD_TO]->(:Actor) WHERE x.status = 'adopted' | 1] AS adoptions,
     [(c:Case)-[:DESCRIBES]->(s) | c.id] AS case_ids
WITH t, s, case_ids, size(adoptions) > 0 AS adopted,
     size([x IN ['public', 'private', 'civil', 'knowledge'] WHERE x IN maker_sectors]) AS n_sectors
UNWIND CASE WHEN size(case_ids) = 0 THEN [null] ELSE case_ids END AS case_id
WITH t, s, adopted, n_sectors, case_id
RETURN t.name AS theme, t.id AS theme_id, count(DISTINCT s) AS solutions,
       count(DISTINCT CASE WHEN s.documented_effect = true THEN s END) AS documented_effect,
       count(DISTINCT CASE WHEN adopted THEN s END) AS adopted_elsewhere,
       count(DISTINCT CASE WHEN n_sectors >= 2 THEN s END) AS cross_sector,
       count(DISTINCT case_id) AS cases
ORDER BY solutions DESC, theme, theme_id
