using NUnit.Framework;

// Integration and browser fixtures start servers on loopback; one fixture at a time keeps ports and timings simple.
[assembly: LevelOfParallelism(1)]
