// Every test process: never reach for instance metadata, never use the developer's AWS profile.
process.env.AWS_EC2_METADATA_DISABLED = 'true';
delete process.env.AWS_PROFILE;
