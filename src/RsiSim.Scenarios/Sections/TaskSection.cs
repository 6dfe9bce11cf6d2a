using RsiSim.Core.Tasks;
using YamlDotNet.RepresentationModel;

namespace RsiSim.Scenarios.Sections;

/// <summary>Reads <c>task: tinylm</c> or <c>task: { id: tinylm, size: small }</c> against the task catalog.</summary>
internal static class TaskSection
{
    private static readonly string[] Keys = ["id", "size"];

    /// <summary>The task and its size (the task's default when none is given), or null after reporting why not.</summary>
    public static (ITask Task, string Size)? Read(YamlNode node, SectionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (node is YamlScalarNode)
        {
            var task = Find(node, "task", context);
            return task is null ? null : (task, task.DefaultSize);
        }
        var section = MappingSection.Open(node, "task", "a task id or a mapping with id and size", context.Diagnostics, Keys);
        if (section is null)
        {
            return null;
        }
        var idNode = section.Require("id", "the task to optimise, e.g. tinylm");
        var found = idNode is null ? null : Find(idNode, section.PathOf("id"), context);
        var sizeNode = section.Find("size");
        if (found is null)
        {
            if (sizeNode is not null)
            {
                context.Scalars.Text(sizeNode, section.PathOf("size"));
            }
            return null;
        }
        if (sizeNode is null)
        {
            return (found, found.DefaultSize);
        }
        var size = context.Scalars.Choice(sizeNode, section.PathOf("size"), "size", [.. found.Sizes]);
        return size is null ? null : (found, size);
    }

    private static ITask? Find(YamlNode node, string path, SectionContext context) =>
        context.Scalars.Known(node, path, "task", context.Tasks.Find, context.Tasks.All.Select(t => t.Id));
}
