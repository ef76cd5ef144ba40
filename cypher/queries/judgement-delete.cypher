// Deletes the judgement of one pair ($low < $high); its revisions keep it.
MATCH (:Identity {id: $low})-[j:JUDGED]->(:Identity {id: $high})
DELETE j
