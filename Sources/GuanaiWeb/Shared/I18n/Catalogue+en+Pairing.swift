extension Catalogue {
    /// 爱心妈妈 pairing.
    static let enPairing: [String: String] = [
        "pairing.reason.distance": "About {0} m apart",
        "pairing.reason.sameVillage": "Same village",
        "pairing.reason.sameTownship": "Same township",
        "pairing.reason.elsewhere": "Another township",
        "pairing.reason.skill": "Her skills meet: {0}",
        "pairing.reason.tier": "Risk tier: {0}",
        "pairing.error.capacity": "Each volunteer takes 1 to {0} children at once",
        "pairing.error.capacityBelowLoad": "She has more open pairs than that; close or change them first",
        "pairing.error.volunteerExists": "This volunteer is already registered",
        "pairing.error.childNotListed": "This child is not on the care list (exited or pending)",
        "pairing.error.childPaired": "This child already has a volunteer",
        "pairing.error.withdrawn": "This volunteer has withdrawn",
        "pairing.error.notScreened.identity": "Identity not yet checked",
        "pairing.error.notScreened.record_check": "Criminal record check (sexual abuse, maltreatment, trafficking, violence) not yet done",
        "pairing.error.notScreened.training": "Training not yet done",
        "pairing.error.notScreened.conduct": "Code of conduct not yet signed",
        "pairing.error.full": "This volunteer is full ({0} children at most, paused pairs included)",
        "pairing.error.transition": "The pair's status does not allow this",
        "pairing.error.notOpenForContact": "Contacts are recorded for approved or active pairs only",
        "pairing.error.volunteer": "No such volunteer",
    ]
}
