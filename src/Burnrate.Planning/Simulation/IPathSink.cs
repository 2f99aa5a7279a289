namespace Burnrate.Planning.Simulation;

/// <summary>What a pass over the paths does with each block of projected paths (one instance per worker thread, merged at the end).</summary>
internal interface IPathSink
{
    void Add(PathBlock block);
}
