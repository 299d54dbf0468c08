// title: What each municipality does / Kommunernes aktivitet
// description: Every municipality that takes part in a solution, with the number of
//    solutions it (or one of its units, PART_OF up to three levels) owns, partners in or
//    funds, the number it adopted from elsewhere, and the cases it nominated, most active first.
// param region (string, default null): only municipalities in this region (name, any case,
//    or id, e.g. "Region Syddanmark" or region-1083); all when left out
// example: region="Region Syddanmark"
// example: region=null
// example: region=region-1084
// returns: municipality (name), municipality_id, region (name or null), owns, partner_in
//    (as partner or funder), adopted, nominated (cases), total (owns + partner_in + adopted)
MATCH (m:Municipality)
OPTIONAL MATCH (m)-[:IN_REGION]->(r:Region)
WITH DISTINCT m, r
WHERE $region IS NULL OR r.id = $region OR toLower(r.name) = toLower($region)
MATCH (u:Actor)-[:PART_OF*0..3]->(m)
WITH DISTINCT m, r, u
WITH m, r, u,
     [(u)-[:OWNS]->(s1:Solution) | s1.id] AS owned,
     [(u)-[:PARTNER_IN]->(s2:Solution) | s2.id] AS partnered,
     [(s3:Solution)-[x:SPREAD_TO]->(u) WHERE x.status = 'adopted' | s3.id] AS adopted,
     [(u)-[:NOMINATED]->(c:Case) | c.id] AS nominated
WITH m, r, collect(owned) AS owned, collect(partnered) AS partnered, collect(adopted) AS adopted,
     collect(nominated) AS nominated
WITH m, r,
     size(reduce(acc = [], l IN owned | acc + [i IN l WHERE NOT i IN acc])) AS owns,
     size(reduce(acc = [], l IN partnered | acc + [i IN l WHERE NOT i IN acc])) AS partner_in,
     size(reduce(acc = [], l IN adopted | acc + [i IN l WHERE NOT i IN acc])) AS adopted,
     size(reduce(acc = [], l IN nominated | acc + [i IN l WHERE NOT i IN acc])) AS nominated
WHERE owns + partner_in + adopted + nominated > 0
RETURN m.name AS municipality, m.id AS municipality_id, r.name AS region, owns, partner_in, adopted,
       nominated, owns + partner_in + adopted AS total
ORDER BY total DESC, owns DESC, municipality, municipality_id
