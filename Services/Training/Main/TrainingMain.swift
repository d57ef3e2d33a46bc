import JCSkillsServiceKit
import TrainingService

@main
enum TrainingMain {
    static func main() async {
        await ServiceCommand<TrainingDefinition>.main()
    }
}
