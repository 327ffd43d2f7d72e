using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace SharingHub.Tests.Deployment;

/// <summary>
/// The methods a method's compiled body calls (its async state machine's, for an async method): how a test learns
/// which core job a timer function runs without reading its source.
/// </summary>
internal static class MethodCalls
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(op => op.Value);

    public static IEnumerable<MethodBase> Of(MethodInfo method)
    {
        var body = method.GetCustomAttribute<AsyncStateMachineAttribute>()?.StateMachineType
            .GetMethod("MoveNext", BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance) ?? method;
        var il = body.GetMethodBody()?.GetILAsByteArray() ?? [];
        var typeArguments = body.DeclaringType?.GetGenericArguments();
        var methodArguments = body.IsGenericMethod ? body.GetGenericArguments() : null;
        var calls = new List<MethodBase>();
        for (var at = 0; at < il.Length;)
        {
            var value = il[at] == 0xFE ? unchecked((short)(0xFE00 | il[at + 1])) : il[at];
            var op = OpCodesByValue[value];
            at += op.Size;
            if (op.OperandType == OperandType.InlineMethod)
            {
                calls.Add(body.Module.ResolveMethod(BitConverter.ToInt32(il, at), typeArguments, methodArguments)!);
            }
            at += OperandSize(op.OperandType, il, at);
        }
        return calls;
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
