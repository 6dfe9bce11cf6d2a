using System.Text;
using RsiSim.Worker;

// The worker owns its standard output: protocol lines go to the original stream, and whatever the loaded
// program prints through Console goes to a bounded capture that is returned with each result.
// Written in 64 KB pieces, not the default 1 KB (a result line was some 600 KB until protocol 4 moved the doubles to a file).
var protocolOut = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n", AutoFlush = false };
var protocolIn = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
var capture = new OutputCapture();
Console.SetOut(capture);
Console.SetError(capture);
Console.SetIn(TextReader.Null);

// "warm": started as a spare, ahead of any candidate, it goes through its own paths once before it says hello.
int code = new WorkerLoop(protocolIn, protocolOut, capture).Run(warm: args is ["warm"]);
protocolOut.Flush();
// Exit even if the program left foreground threads behind.
Environment.Exit(code);
