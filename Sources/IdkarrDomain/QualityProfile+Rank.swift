/// How a profile orders qualities: items are worst first and a group is one rank, so the
/// qualities of a group are equal to each other.
extension QualityProfile {
    /// The rank of a quality in this profile (0 = worst item), or nil when the profile does not list it.
    public func rank(of qualityId: Int) -> Int? {
        items.firstIndex { item in
            if let members = item.items { return members.contains { $0.qualityId == qualityId } }
            return item.qualityId == qualityId
        }
    }

    /// Listed, and allowed both as an item and (for a group member) as a member.
    public func allows(_ qualityId: Int) -> Bool {
        flattened.contains { $0.qualityId == qualityId && $0.allowed }
    }

    /// The rank of the cutoff item (a quality or a group), or nil when it is not in the profile.
    public var cutoffRank: Int? {
        items.firstIndex { ($0.isGroup ? $0.id : $0.qualityId) == cutoff }
    }

    /// An allowed quality at or above the cutoff: nothing better is wanted.
    public func meetsCutoff(_ qualityId: Int) -> Bool {
        guard let rank = rank(of: qualityId), let cut = cutoffRank else { return false }
        return allows(qualityId) && rank >= cut
    }
}
