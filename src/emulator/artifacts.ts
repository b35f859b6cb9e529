// What the emulated cluster's storage holds: the artifacts trainings uploaded to their output
// connection and the images packagings pushed. They outlive the resources that made them, as files
// in a bucket and images in a registry do, and they tell later steps which model they carry.

export interface ModelIdentity {
  name: string;
  version: string;
}

export class Artifacts {
  private readonly trained = new Map<string, ModelIdentity>();
  private readonly images = new Map<string, ModelIdentity>();

  addArtifact(artifactName: string, model: ModelIdentity): void {
    this.trained.set(artifactName, model);
  }

  artifact(artifactName: string): ModelIdentity | undefined {
    return this.trained.get(artifactName);
  }

  addImage(image: string, model: ModelIdentity): void {
    this.images.set(image, model);
  }

  image(image: string): ModelIdentity | undefined {
    return this.images.get(image);
  }
}
