namespace Nop.Services;

public abstract partial class BaseNopResult
{
    public bool Success => Errors.Count == 0;

    public virtual void AddError(string error)
    {
        Errors.Add(error);
    }

    public IList<string> Errors { get; set; } = new List<string>();
}
