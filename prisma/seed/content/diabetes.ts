import { entry, lo, type SpecContent } from "./types";

// Demo content for a candidate specification awaiting the endorsement panel: illustrative, not a Centre document.

export const DIABETES: SpecContent = {
  purposeAndScope:
    "Enables advanced practitioners to manage adults with complex type 1 and type 2 diabetes across acute and community settings, " +
    "including insulin initiation and titration, technology-supported care and the prevention of diabetic emergencies.",
  targetGroup: "Nurses, pharmacists, dietitians and podiatrists in hospital diabetes teams, intermediate care and primary care networks.",
  targetProfessions: ["Dietetics", "Nursing", "Pharmacy", "Podiatry"],
  entryRequirements: entry("At least one year in diabetes care; completed level 7 study in clinical examination and diagnostic reasoning."),
  linksToOtherProvision:
    "Builds on the Trend Diabetes competency framework; links to the Acute Medicine and Frailty credentials for inpatient and older people's care.",
  assessmentStrategy:
    "A case portfolio with directly observed consultations, a structured insulin-management assessment, and an audit of a diabetes pathway.",
  credits: 40,
  notionalHours: 400,
  deliveryModes: ["Blended", "Work-based"],
  supervisionRequirements: "Supervision by a consultant diabetologist or consultant-level practitioner in diabetes.",
  evidenceBase: "NICE NG17 and NG28; Joint British Diabetes Societies inpatient guidance; Trend Diabetes competency framework (2021).",
  outcomes: [
    lo("Assess and manage adults with complex diabetes and multimorbidity, including insulin initiation and titration.", "C"),
    lo("Recognise, prevent and manage diabetic emergencies in acute and community settings.", "C"),
    lo("Use diabetes technologies with patients to agree personalised targets and plans.", "C", "E"),
    lo("Lead improvement of a diabetes pathway across organisational boundaries.", "L"),
    lo("Appraise diabetes research and apply it to practice.", "R"),
  ],
};
