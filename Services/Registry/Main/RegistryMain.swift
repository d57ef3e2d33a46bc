import JCSkillsServiceKit
import RegistryService

@main
enum RegistryMain {
    static func main() async {
        await ServiceCommand<RegistryDefinition>.main()
    }
}
