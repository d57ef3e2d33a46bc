import JCSkillsServiceKit
import GatewayService

@main
enum GatewayMain {
    static func main() async {
        await ServiceCommand<GatewayDefinition>.main()
    }
}
