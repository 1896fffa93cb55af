namespace Editorial.Core.Workflow;

/// <summary>The transitions of DESIGN.md section 2. Stored as text in the audit trail; never rename.</summary>
public enum WorkflowAction
{
    Submit,
    Withdraw,
    RequestChanges,
    Approve,
    Schedule,
    Unschedule,
    PublishNow,

    /// <summary>The scheduler publishing a story whose time has come; no person may do this.</summary>
    PublishScheduled,

    Unpublish,
    Republish,
}

/// <summary>Why a transition was refused. The UI turns each into a Vietnamese sentence.</summary>
public enum WorkflowRefusal
{
    /// <summary>The story is not in a state this action starts from.</summary>
    WrongState,

    /// <summary>Only the story's author may do this (submit, withdraw).</summary>
    NotAuthor,

    /// <summary>Only editors and administrators may do this.</summary>
    NotEditor,

    /// <summary>An editor may not approve a story they wrote (four-eyes).</summary>
    OwnStory,

    /// <summary>Returning or unpublishing needs a note saying why.</summary>
    NoteRequired,

    NoteTooLong,

    /// <summary>A schedule time must be at least a minute ahead.</summary>
    TimeNotInFuture,

    /// <summary>The scheduled time has not come yet.</summary>
    NotDue,

    /// <summary>Only the scheduler publishes at the scheduled time.</summary>
    SchedulerOnly,

    /// <summary>The submission checklist has unmet blocking items.</summary>
    ChecklistBlocked,
}
