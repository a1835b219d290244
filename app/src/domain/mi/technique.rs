//! What a prompt does in the conversation.

coded_enum!(
    /// The MI skill a prompt practises: OARS, evoking each kind of change talk (DARN-CAT), and
    /// the structured tools.
    Technique {
        OpenQuestion => "open_question", "Open question";
        Affirmation => "affirmation", "Affirmation";
        Reflection => "reflection", "Reflection";
        Summary => "summary", "Summary";
        EvokeDesire => "evoke_desire", "Evoking desire";
        EvokeAbility => "evoke_ability", "Evoking ability";
        EvokeReasons => "evoke_reasons", "Evoking reasons";
        EvokeNeed => "evoke_need", "Evoking need";
        EvokeCommitment => "evoke_commitment", "Evoking commitment";
        EvokeActivation => "evoke_activation", "Evoking activation";
        EvokeTakingSteps => "evoke_taking_steps", "Evoking taking steps";
        SustainTalk => "sustain_talk", "Responding to sustain talk";
        ElicitProvideElicit => "elicit_provide_elicit", "Elicit, provide, elicit";
        RulerFollowUp => "ruler_follow_up", "Ruler follow-up";
        DecisionalBalance => "decisional_balance", "Decisional balance";
        ChangePlan => "change_plan", "Change plan";
    }
);

impl Technique {
    /// The seven techniques that draw out change talk, one per DARN-CAT element.
    pub const EVOKING: &'static [Technique] = &[
        Technique::EvokeDesire,
        Technique::EvokeAbility,
        Technique::EvokeReasons,
        Technique::EvokeNeed,
        Technique::EvokeCommitment,
        Technique::EvokeActivation,
        Technique::EvokeTakingSteps,
    ];

    pub fn evokes_change_talk(self) -> bool {
        Self::EVOKING.contains(&self)
    }
}
