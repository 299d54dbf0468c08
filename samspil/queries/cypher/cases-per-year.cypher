// title: Cases per year and prize / Cases pr. år og pris
// description: How many cases (descriptions of a solution in a source) there are per year and
//    prize (nyt-sammen-bedre, hverdagsinnovation, or null for the other sources), with how many
//    of their solutions have a documented effect.
// returns: year (or null: not known), prize (or null), cases, with_documented_effect,
//    case_ids (sorted)
MATCH (c:Case)
OPTIONAL MATCH (c)-[:DESCRIBES]->(s:Solution)
WITH DISTINCT c, s
ORDER BY c.id
RETURN c.year AS year, c.prize AS prize, count(c) AS cases,
       count(CASE WHEN s.documented_effect = true THEN c END) AS with_documented_effect,
       collect(c.id) AS case_ids
ORDER BY year, prize
