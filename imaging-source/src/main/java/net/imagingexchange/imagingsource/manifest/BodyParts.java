// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Body Part Examined (0018,0015) to anatomic region (PS3.16 CID 4, SNOMED CT), per PS3.16 Annex L "Correspondence of
 * Anatomic Region Codes and Body Part Examined Defined Terms": the common defined terms of radiology. A value not in
 * the table has no code here: it is left out of the metadata, never guessed (RAD TF-2 4.68.4.1.2.3.2: no code for what
 * the study does not show).
 */
public final class BodyParts {

    /** The SNOMED CT coding scheme designator of DICOM (PS3.16 8). */
    public static final String SCT = "SCT";

    private static final Map<String, DicomCode> REGIONS = Map.<String, DicomCode>ofEntries(
            region("ABDOMEN", "818981001", "Abdomen"),
            region("ABDOMENPELVIS", "818982008", "Abdomen and Pelvis"),
            region("ADRENAL", "23451007", "Adrenal gland"),
            region("ANKLE", "70258002", "Ankle joint"),
            region("AORTA", "15825003", "Aorta"),
            region("AXILLA", "91470000", "Axilla"),
            region("BACK", "77568009", "Back"),
            region("BLADDER", "89837001", "Bladder"),
            region("BRAIN", "12738006", "Brain"),
            region("BREAST", "76752008", "Breast"),
            region("BRONCHUS", "955009", "Bronchus"),
            region("BUTTOCK", "46862004", "Buttock"),
            region("CALCANEUS", "80144004", "Calcaneus"),
            region("CALF", "53840002", "Calf of leg"),
            region("CAROTID", "69105007", "Carotid Artery"),
            region("CEREBELLUM", "113305005", "Cerebellum"),
            region("CERVIX", "71252005", "Cervix"),
            region("CHEST", "43799004", "Chest"),
            region("CHESTABDOMEN", "416550000", "Chest and Abdomen"),
            region("CHESTABDPELVIS", "416775004", "Chest, Abdomen and Pelvis"),
            region("CIRCLEOFWILLIS", "11279006", "Circle of Willis"),
            region("CLAVICLE", "51299004", "Clavicle"),
            region("COCCYX", "64688005", "Coccyx"),
            region("COLON", "71854001", "Colon"),
            region("CORONARYARTERY", "41801008", "Coronary artery"),
            region("CSPINE", "122494005", "Cervical spine"),
            region("CTSPINE", "1217257000", "Cervico-thoracic spine"),
            region("DUODENUM", "38848004", "Duodenum"),
            region("EAR", "117590005", "Ear"),
            region("ELBOW", "16953009", "Elbow joint"),
            region("ESOPHAGUS", "32849002", "Esophagus"),
            region("EXTREMITY", "66019005", "Extremity"),
            region("EYE", "81745001", "Eye"),
            region("FACE", "89545001", "Face"),
            region("FEMUR", "71341001", "Femur"),
            region("FIBULA", "87342007", "Fibula"),
            region("FINGER", "7569003", "Finger"),
            region("FOOT", "56459004", "Foot"),
            region("FOREARM", "14975008", "Forearm"),
            region("GALLBLADDER", "28231008", "Gallbladder"),
            region("HAND", "85562004", "Hand"),
            region("HEAD", "69536005", "Head"),
            region("HEADNECK", "774007", "Head and Neck"),
            region("HEART", "80891009", "Heart"),
            region("HIP", "24136001", "Hip joint"),
            region("HUMERUS", "85050009", "Humerus"),
            region("IAC", "361078006", "Internal Auditory Canal"),
            region("JAW", "661005", "Jaw region"),
            region("KIDNEY", "64033007", "Kidney"),
            region("KNEE", "72696002", "Knee"),
            region("LARYNX", "4596009", "Larynx"),
            region("LIVER", "10200004", "Liver"),
            region("LSPINE", "122496007", "Lumbar spine"),
            region("LSSPINE", "1217253001", "Lumbo-sacral spine"),
            region("LUNG", "39607008", "Lung"),
            region("MANDIBLE", "91609006", "Mandible"),
            region("MAXILLA", "70925003", "Maxilla"),
            region("MEDIASTINUM", "72410000", "Mediastinum"),
            region("NECK", "45048000", "Neck"),
            region("NECKCHEST", "417437006", "Neck and Chest"),
            region("NECKCHESTABDOMEN", "416152001", "Neck, Chest and Abdomen"),
            region("NECKCHESTABDPELV", "416319003", "Neck, Chest, Abdomen and Pelvis"),
            region("NOSE", "45206002", "Nose"),
            region("ORBIT", "363654007", "Orbital structure"),
            region("PANCREAS", "15776009", "Pancreas"),
            region("PAROTID", "45289007", "Parotid gland"),
            region("PATELLA", "64234005", "Patella"),
            region("PELVIS", "816092008", "Pelvis"),
            region("PROSTATE", "41216001", "Prostate"),
            region("RADIUS", "62413002", "Radius"),
            region("RECTUM", "34402009", "Rectum"),
            region("RIB", "113197003", "Rib"),
            region("SCAPULA", "79601000", "Scapula"),
            region("SHOULDER", "16982005", "Shoulder"),
            region("SKULL", "89546000", "Skull"),
            region("SPINE", "421060004", "Spine"),
            region("SPLEEN", "78961009", "Spleen"),
            region("SSPINE", "54735007", "Sacrum"),
            region("STERNUM", "56873002", "Sternum"),
            region("STOMACH", "69695003", "Stomach"),
            region("TESTIS", "40689003", "Testis"),
            region("THIGH", "68367000", "Thigh"),
            region("THORAX", "43799004", "Thorax"),
            region("THYROID", "69748006", "Thyroid"),
            region("TIBIA", "12611008", "Tibia"),
            region("TLSPINE", "1217256009", "Thoraco-lumbar spine"),
            region("TMJ", "53620006", "Temporomandibular joint"),
            region("TOE", "29707007", "Toe"),
            region("TRACHEA", "44567001", "Trachea"),
            region("TSPINE", "122495006", "Thoracic spine"),
            region("ULNA", "23416004", "Ulna"),
            region("UPPERARM", "40983000", "Upper arm"),
            region("URETER", "87953007", "Ureter"),
            region("URETHRA", "13648007", "Urethra"),
            region("UTERUS", "35039007", "Uterus"),
            region("WHOLEBODY", "38266002", "Entire body"),
            region("WRIST", "74670003", "Wrist joint"));

    private BodyParts() {
    }

    /** The anatomic region a Body Part Examined value names (case and surrounding spaces ignored), if known. */
    public static Optional<DicomCode> anatomicRegion(String bodyPartExamined) {
        if (bodyPartExamined == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(REGIONS.get(bodyPartExamined.strip().toUpperCase(Locale.ROOT)));
    }

    private static Map.Entry<String, DicomCode> region(String bodyPart, String snomedCt, String meaning) {
        return Map.entry(bodyPart, new DicomCode(snomedCt, SCT, meaning));
    }
}
