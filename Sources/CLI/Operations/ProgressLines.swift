import Foundation
import JCSkillsMessages
import JCSkillsServiceKit

/// Prints a backup's or restore's progress on standard error: a line for every tenth of the
/// pages copied, each table, each check and what became of the keys.
struct ProgressLines {
    private var lastTenth = -1

    mutating func show(_ event: OperationsProgress) {
        switch event {
        case .copied(let pages, let total):
            let percent = total == 0 ? 100 : pages * 100 / total
            guard percent / 10 != lastTenth else { return }
            lastTenth = percent / 10
            printError(Messages.Operations.copied(percent: percent, pages: pages, of: total).text())
        case .table(let name):
            printError(Messages.Operations.table(name).text())
        case .verified(let path):
            lastTenth = -1
            printError(Messages.Operations.verified(path).text())
        case .keysCopied(let path):
            printError(Messages.Operations.keysCopied(path).text())
        case .keysLeftOut:
            printError(Messages.Operations.keysLeftOut.text())
        case .keysInstalled(let path):
            printError(Messages.Operations.keysInstalled(path).text())
        case .keysKept(let path):
            printError(Messages.Operations.keysKept(path).text())
        }
    }
}
