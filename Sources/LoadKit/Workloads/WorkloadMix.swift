import JCSkillsMessages

/// `--mix name=weight,name=weight`: new proportions for a workload's operations.
public enum WorkloadMix {
    public struct Error: Swift.Error, CustomStringConvertible {
        public let description: String
    }

    /// `operations` with the weights of `text`; operations it does not name get weight 0.
    public static func apply(_ text: String, to operations: [LoadOperation]) throws(Error) -> [LoadOperation] {
        var weights: [String: Int] = [:]
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces() }
            guard pieces.count == 2, let weight = Int(pieces[1]), weight >= 0 else {
                throw Error(description: Messages.Load.mixExpected(String(part)).text())
            }
            guard operations.contains(where: { $0.name == pieces[0] }) else {
                let known = operations.map(\.name).joined(separator: ", ")
                throw Error(description: Messages.Load.mixUnknown(pieces[0], known: known).text())
            }
            weights[pieces[0]] = weight
        }
        guard weights.values.contains(where: { $0 > 0 }) else {
            throw Error(description: Messages.Load.mixPositive.text())
        }
        return operations.map { operation in
            var changed = operation
            changed.weight = weights[operation.name] ?? 0
            return changed
        }
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
