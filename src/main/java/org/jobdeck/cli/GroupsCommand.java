package org.jobdeck.cli;

import java.util.concurrent.Callable;
import org.jobdeck.api.GroupsView;
import org.jobdeck.api.JobsApi;
import org.jobdeck.core.plan.DependencyResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jobdeck groups}: the groups with their job counts, of the catalog or of a server's. */
@Command(name = "groups", description = "List the job groups with their job counts.")
final class GroupsCommand implements Callable<Integer> {
    @ParentCommand
    JobdeckCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    RemoteOptions remote = new RemoteOptions();

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        RemoteOptions.Remote server = remote.resolve(root);
        GroupsView view;
        if (server == null) {
            view = GroupsView.of(new DependencyResolver(root.catalog()).groupSummaries());
        } else {
            try (JobsApi api = server.open()) {
                view = api.groups();
            }
        }
        var out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, view);
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("GROUP", "JOBS", "DEPENDS ON", "TITLE").alignRight(1);
        for (GroupsView.Group group : view.groups()) {
            table.row(group.group(), group.count(),
                    group.dependsOnGroups().isEmpty() ? "-" : String.join(", ", group.dependsOnGroups()),
                    group.title());
        }
        table.row("All jobs", view.total(), "", "");
        table.print(out);
        return ExitCodes.OK;
    }
}
