// The judgement of one pair ($low < $high), or no row.
MATCH (:Identity {id: $low})-[j:JUDGED]->(:Identity {id: $high})
RETURN j {.*} AS judgement
